// The PDF worker's message loop: pdf.js loads with this script; each request gets an outcome back.

import { pdfjs } from './load-pdfjs.ts';
import { PdfCommand, PdfReply, type FromWorker, type ToWorker } from './pdf.protocol.ts';
import { originPdfAssets } from './pdf-assets.ts';
import { readPdf } from './read-pdf.ts';
import { assertNever } from '../../common/index.ts';

/** The worker's global scope as far as this loop uses it (the DOM lib types `self` as a window). */
const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
};

// CMaps and standard fonts come from this app's own origin (the build copies them there), fetched by pdf.js here.
const assets = originPdfAssets(self.location.origin);

scope.addEventListener('message', (event) => {
  void handle(event.data).catch((error: unknown) => {
    scope.postMessage({ type: PdfReply.failed, id: event.data.id, message: String(error) });
  });
});

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case PdfCommand.warm:
      scope.postMessage({ type: PdfReply.warmed, id: message.id });
      return;
    case PdfCommand.extract: {
      const { id, bytes, password, maxPages } = message;
      const outcome = await readPdf(pdfjs, new Uint8Array(bytes), { password, maxPages }, assets);
      scope.postMessage({ type: PdfReply.extracted, id, outcome });
      return;
    }
    default:
      return assertNever(message, 'command');
  }
}
