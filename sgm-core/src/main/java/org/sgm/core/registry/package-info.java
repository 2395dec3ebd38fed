/** The detector registry: every detector, SG model or baseline, by key, as bound through Guice. */
package org.sgm.core.registry;
