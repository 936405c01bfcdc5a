// Collect: the data-collection campaign — workbooks exported from the territory, answers merged back into the YAML.
export { planExport, buildWorkbook, type ExportOptions, type ExportPlan, type By } from "./build.js";
export { writeOds } from "./ods.js";
export { writeXlsx } from "./xlsx.js";
export { writeCsv, csvSheetOf } from "./csv.js";
export { readSpreadsheet, readCsvSheet, guardZip, ReadProblem, READ_LIMITS, type RawBook, type RawSheet, type RawCell } from "./read.js";
export { planBook, accept, planWrites, atPlace, type BookPlan, type FileWrite, type FileFailure, type Place } from "./plan.js";
export { unifiedDiff } from "./diff.js";
export { META_SHEET, type WorkbookOut } from "./model.js";
