/** RFC 4180 fields of one CSV line (double quotes around a field, "" inside one), for the small outage list; the probe parser has its own fast path. */
export function csvFields(line: string): { fields: string[]; columns: number[] } | undefined {
  const fields: string[] = [];
  const columns: number[] = [];
  let i = 0;
  for (;;) {
    columns.push(i + 1);
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote === -1) return undefined;
        value += line.slice(i, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      fields.push(value);
      if (i === line.length) return { fields, columns };
      if (line[i] !== ',') return undefined;
      i++;
    } else {
      const comma = line.indexOf(',', i);
      if (comma === -1) {
        fields.push(line.slice(i));
        return { fields, columns };
      }
      fields.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}
