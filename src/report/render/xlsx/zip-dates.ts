// exceljs's streaming writer adds each part to its archiver without a date, so the archiver
// stamps the current time, and no exceljs option reaches it. The DOS date/time fields sit
// outside the CRC and the compressed data, so rewriting them in place keeps the archive
// valid and makes the bytes depend only on the view.

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Sets every zip entry's modification time to `day` at 00:00 (UTC), in place. */
export function pinZipDates(zip: Buffer, day: Date): Buffer {
  const dosDate = ((day.getUTCFullYear() - 1980) << 9) | ((day.getUTCMonth() + 1) << 5) | day.getUTCDate();
  const dosTime = 0;

  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('renderXlsx: exceljs no produjo un zip reconocible');
  const entries = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(offset) !== CENTRAL) throw new Error('renderXlsx: directorio central del zip inesperado');
    zip.writeUInt16LE(dosTime, offset + 12);
    zip.writeUInt16LE(dosDate, offset + 14);
    const local = zip.readUInt32LE(offset + 42);
    if (zip.readUInt32LE(local) !== LOCAL) throw new Error('renderXlsx: cabecera local del zip inesperada');
    zip.writeUInt16LE(dosTime, local + 10);
    zip.writeUInt16LE(dosDate, local + 12);
    offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return zip;
}
