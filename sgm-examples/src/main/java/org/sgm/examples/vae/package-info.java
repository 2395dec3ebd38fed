/**
 * A worked example of adding a backbone from outside sgm-models: a variational autoencoder, {@code sg-vae}, and
 * its plain twin {@code vae}, written only against the public SPI and registered with one Guice line in
 * {@link org.sgm.examples.vae.VaeModule}. See docs/adding-a-backbone.md.
 */
package org.sgm.examples.vae;
