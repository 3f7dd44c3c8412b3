// Import a VM from XML (issue 13): the dialog's one call (components never hold the API).
import type { VirtdeskApi } from '../../../shared/api/contract';
import type { ImportOptions, ImportResult } from '../../../shared/api/domain-import';
import { toApiError } from '../../api/api-error-from';

export function createImportCalls(api: VirtdeskApi) {
  return {
    /** Checks the document on the host (`define: false`) or defines it. */
    importXml: async (
      hostId: string,
      xml: string,
      options: ImportOptions,
      define: boolean,
    ): Promise<ImportResult | { error: string }> => {
      try {
        return await api.call('domains/import-xml', { hostId, xml, options, define });
      } catch (error) {
        return { error: toApiError(error).message };
      }
    },
  };
}

export type ImportCalls = ReturnType<typeof createImportCalls>;
