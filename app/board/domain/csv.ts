/**
 * RFC 4180 CSV: fields with a comma, quote or line break are quoted and
 * quotes doubled. Cells starting with = + - @ (or tab/CR) are prefixed with
 * a quote so spreadsheet programs do not run them as formulas.
 */
export function toCsv(header: string[], rows: (string | number)[][]) {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

export function csvCell(value: string | number) {
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
