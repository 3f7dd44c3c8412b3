import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { volumeNameCheck } from '../../../shared/xml/build/new-volume';
import { useCheckText } from '../../i18n/check-text';
import { useFormatBytes } from '../../i18n/use-format-bytes';
import { VolumeFieldDialog } from './volume-name-dialog';
import { useStores } from '../../common/stores-context';

/** Names the volume a picked file becomes (default: the file's name); the upload then runs as a job. */
export function VolumeUploadDialog(props: { hostId: string; pool: string; file: File; onClose: () => void }) {
  const { t } = useTranslation();
  const checkText = useCheckText(); // issue 15: the name check and the size in the window's language
  const formatBytes = useFormatBytes();
  const { volumes } = useStores();
  const [file] = useState(props.file);
  return (
    <VolumeFieldDialog
      title={t('volumes.uploadTitle', { file: file.name, pool: props.pool })}
      label={t('volumes.name')}
      initial={file.name}
      hint={t('volumes.uploadSize', { size: formatBytes(file.size) })}
      validate={(name) => {
        const problem = volumeNameCheck(name);
        return problem && checkText(problem);
      }}
      submitLabel={t('volumes.uploadButton')}
      onSubmit={async (name) => {
        await volumes.getState().upload({ hostId: props.hostId, pool: props.pool, name }, file);
      }}
      onClose={props.onClose}
    />
  );
}
