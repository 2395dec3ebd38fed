/** The {@code sgm} command-line program. */
package org.sgm.cli;
