/** A QR code drawn as SVG (dark modules on white, with the quiet zone scanners need), named for screen readers. */
import { useMemo } from 'react';
import { qrMatrixOf, qrPathOf } from './qrMatrix.js';
import './invite.css';

/** Light modules around the code: the 4 the QR standard asks for. */
const QUIET_ZONE = 4;

/** Props of `QrCode`. */
export interface QrCodeProps {
  /** What the code holds (a URL). */
  text: string;
  /** Its accessible name, e.g. "QR code of the invite link". */
  label: string;
  className?: string;
}

/** The code as an `img`-role SVG that scales to its box (size it with CSS). */
export function QrCode({ text, label, className }: QrCodeProps) {
  const matrix = useMemo(() => qrMatrixOf(text), [text]);
  const side = matrix.length + 2 * QUIET_ZONE;
  return (
    <svg
      className={className ? `qr-code ${className}` : 'qr-code'}
      viewBox={`0 0 ${side} ${side}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      focusable="false"
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={qrPathOf(matrix, QUIET_ZONE)} fill="#000" />
    </svg>
  );
}
