import type { DesktopBridge } from '../../shared/api/bridge';
import type { TransferEnd } from '../../shared/api/volumes';

/**
 * How a file reaches the backend and a download reaches the user. Desktop: local paths the backend
 * reads and writes. Browser (serve mode): the page streams the File to a one-time URL and downloads
 * from another, both authorised by the API token.
 */
export interface FileTransfers {
  uploadSource(file: File): TransferEnd;
  /** Browser: sends the file's bytes for `uploadId`; resolves when the backend answered. */
  sendFile(uploadId: string, file: File): Promise<{ ok: boolean; message?: string }>;
  /** Where a download goes; undefined when the user cancelled the choice. */
  downloadTarget(suggestedName: string): Promise<TransferEnd | undefined>;
  /** Browser: starts the download of `downloadId`. */
  receive(downloadId: string): void;
}

export function desktopTransfers(files: DesktopBridge['files']): FileTransfers {
  return {
    uploadSource: (file) => ({ kind: 'path', path: files.pathForFile(file) }),
    sendFile: async () => ({ ok: true }),
    downloadTarget: async (name) => {
      const path = await files.chooseSavePath(name);
      return path ? { kind: 'path', path } : undefined;
    },
    receive: () => undefined,
  };
}

export function pageTransfers(token: string | undefined, doc: Document = document): FileTransfers {
  const url = (kind: 'upload' | 'download', id: string) =>
    `/${kind}/${encodeURIComponent(id)}?token=${encodeURIComponent(token ?? '')}`;
  return {
    uploadSource: () => ({ kind: 'page' }),
    async sendFile(uploadId, file) {
      try {
        // A File body is streamed from disk by the browser, never read whole into the page.
        const response = await fetch(url('upload', uploadId), { method: 'PUT', body: file });
        const outcome = (await response.json().catch(() => ({}))) as { message?: string };
        return { ok: response.ok, ...(outcome.message ? { message: outcome.message } : {}) };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
    downloadTarget: async () => ({ kind: 'page' }),
    receive(downloadId) {
      const link = doc.createElement('a');
      link.href = url('download', downloadId);
      link.download = '';
      link.rel = 'noopener';
      doc.body.append(link);
      link.click();
      link.remove();
    },
  };
}
