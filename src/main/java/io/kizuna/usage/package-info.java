/**
 * Product usage: sources with write keys, and the Segment-compatible tracking API that takes events
 * from a customer's product into a durable log (rollups and health scores read from it next).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Usage")
package io.kizuna.usage;
