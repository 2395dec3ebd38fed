/** The label-free feature matrix that detectors fit and score. */
package org.sgm.core.data;
