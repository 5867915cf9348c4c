/** A grey page (with a shimmer) while pdf.js loads or draws. */
export function PdfSkeleton() {
  return <div className="pdf-skeleton" role="status" aria-busy="true" aria-label="Loading the PDF" />;
}
