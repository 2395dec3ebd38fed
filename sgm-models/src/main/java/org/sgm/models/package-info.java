/**
 * Score-guided backbones, each in its own package, each registered through Guice by {@link
 * org.sgm.models.SgmModelsModule}.
 */
package org.sgm.models;
