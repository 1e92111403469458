/**
 * CSV import: upload a file (UTF-8 with or without BOM, or Shift_JIS as Excel in Japan writes it),
 * map its columns (common Salesforce and HubSpot export headers are recognised, mappings are
 * remembered), preview, check every row, then write the whole valid part in one transaction with
 * progress shown. The modules that own the data provide an {@link io.kizuna.imports.Importer} each.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Imports")
package io.kizuna.imports;
