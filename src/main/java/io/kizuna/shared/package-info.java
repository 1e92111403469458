/**
 * A few value types and error types every module may use. No services live here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.kizuna.shared;
