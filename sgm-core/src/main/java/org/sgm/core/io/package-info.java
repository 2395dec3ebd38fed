/** The model file: one zip with JSON metadata and checksummed binary entries; never Java serialization. */
package org.sgm.core.io;
