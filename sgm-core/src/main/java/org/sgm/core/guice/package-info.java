/** Guice bindings of sgm-core. */
package org.sgm.core.guice;
