/**
 * Score-guided backbones, each in its own package, each registered through Guice by {@link
 * SgmModelsModule}.
 */
package org.sgm.models;
