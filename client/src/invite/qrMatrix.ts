/**
 * A QR code as data, made in the browser (qrcode-generator, MIT): the dark modules of a text,
 * and the SVG path that draws them, one `h` run per row of adjacent dark modules. Pure.
 */
import qrcode from 'qrcode-generator';

/** The modules of a QR code, row by row (true: dark). */
export type QrMatrix = readonly (readonly boolean[])[];

/**
 * Encodes `text` at error correction level M (15 % of the code may be smudged or covered and it
 * still scans), in the smallest version that holds it.
 */
export function qrMatrixOf(text: string): QrMatrix {
  const code = qrcode(0, 'M');
  code.addData(text);
  code.make();
  const size = code.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => code.isDark(row, col)));
}

/**
 * The SVG path data drawing the dark modules of `matrix`, offset by `margin` modules (the quiet
 * zone scanners need): each run of dark modules in a row is one 1-unit-high rectangle.
 */
export function qrPathOf(matrix: QrMatrix, margin: number): string {
  const parts: string[] = [];
  matrix.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      parts.push(`M${start + margin} ${y + margin}h${x - start}v1h-${x - start}z`);
    }
  });
  return parts.join('');
}
