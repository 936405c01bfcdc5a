// Bench: the `date` format for ajv-cli (-c ./bench/ajv-formats.cjs), the same check as
// gouvnum's own validator (src/validate/ajv.ts, isCalendarDate): a real calendar date YYYY-MM-DD.
"use strict";

function isCalendarDate(s) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

module.exports = function addFormats(ajv) {
  ajv.addFormat("date", { type: "string", validate: isCalendarDate });
  return ajv;
};
