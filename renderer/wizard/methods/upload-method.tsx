// An ISO from the desktop, uploaded into a pool right here (the volumes upload job, with progress).
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { volumeNameCheck } from '../../../shared/xml/build/new-volume';
import { useCheckText } from '../../i18n/check-text';
import { toApiError } from '../../api/api-error-from';
import { useStoreState, useStores } from '../../common/stores-context';
import { useFormatBytes } from '../../i18n/use-format-bytes';
import { isoVolumeId } from './iso-volume-id';
import type { MethodStepProps } from './method-types';

export function UploadStep(props: MethodStepProps) {
  const { t } = useTranslation();
  const formatBytes = useFormatBytes(); // issue 15: sizes in the window's language
  const checkText = useCheckText();
  const id = useId();
  const { pools, volumes } = useStores();
  const poolMap = useStoreState('pools', (s) => s.byHost[props.hostId]);
  const running = Object.values(poolMap ?? {}).filter((p) => p.state === 'running');
  const [pool, setPool] = useState<string | undefined>();
  const [file, setFile] = useState<File | undefined>();
  const [volumeId, setVolumeId] = useState<string | undefined>();
  const [jobId, setJobId] = useState<string | undefined>();
  const job = useStoreState('jobs', (s) => (jobId ? s.byId[jobId] : undefined));
  const target = pool ?? running[0]?.name;
  const { onChange, onProblem } = props;
  useEffect(() => {
    void pools.getState().load(props.hostId);
  }, [pools, props.hostId]);
  useEffect(() => {
    if (!job || !file || !target) return;
    if (job.state === 'done') {
      onProblem(undefined);
      onChange({
        media: { kind: 'cdrom', source: { pool: target, volume: file.name } },
        ...(volumeId ? { volumeId } : {}),
        summary: t('wizard.summaryVolume', { volume: file.name, pool: target }),
      });
    } else if (job.state === 'failed' || job.state === 'cancelled') onProblem(job.message);
  }, [job, file, target, volumeId, onChange, onProblem, t]);

  const choose = async (picked: File | undefined) => {
    setFile(picked);
    setJobId(undefined);
    onChange(undefined);
    onProblem(undefined);
    setVolumeId(picked ? await isoVolumeId(picked).catch(() => undefined) : undefined);
  };
  const upload = async () => {
    if (!file || !target) return;
    const problem = volumeNameCheck(file.name);
    if (problem) return onProblem(checkText(problem));
    try {
      const started = await volumes
        .getState()
        .upload({ hostId: props.hostId, pool: target, name: file.name }, file);
      setJobId(started.jobId);
    } catch (error) {
      onProblem(toApiError(error).message);
    }
  };
  const running_ = job?.state === 'running';
  return (
    <div className="wizard-upload">
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('wizard.uploadFile')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".iso,application/x-iso9660-image"
          disabled={running_}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </div>
      {file && (
        <p className="field-hint">
          {volumeId
            ? t('wizard.uploadVolumeId', { id: volumeId, size: formatBytes(file.size) })
            : t('wizard.uploadNotIso', { size: formatBytes(file.size) })}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-pool`}>{t('wizard.uploadPool')}</label>
        <select
          id={`${id}-pool`}
          value={target ?? ''}
          disabled={running_}
          onChange={(e) => setPool(e.target.value)}
        >
          {running.map((p) => (
            <option key={p.uuid} value={p.name}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        disabled={!file || !target || running_ || job?.state === 'done'}
        onClick={() => void upload()}
      >
        {t('wizard.uploadButton')}
      </button>
      {job && (
        <div className="wizard-upload-progress">
          <progress
            aria-label={t('wizard.uploadProgress')}
            max={job.total ?? 1}
            value={job.state === 'done' ? (job.total ?? 1) : job.done}
          />
          <span role="status">
            {job.state === 'running'
              ? t('wizard.uploading', { done: formatBytes(job.done), total: formatBytes(job.total ?? 0) })
              : job.state === 'done'
                ? t('wizard.uploaded')
                : job.message}
          </span>
        </div>
      )}
    </div>
  );
}
