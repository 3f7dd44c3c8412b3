// Local install media (an ISO volume, an ISO path on the host) and import of an existing disk.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiskSource } from '../../../shared/api/wizard';
import { TextField } from '../../common/text-field';
import type { MethodResult, MethodStepProps } from './method-types';
import { useMediaCheck } from './use-media-check';
import { VolumePicker } from './volume-picker';

const isoLike = (name: string, format: string | undefined) => format === 'iso' || /\.iso$/i.test(name);

/** Reports `result` once the host says the hypervisor can read `source`, else the reason. */
function useReportChecked(
  props: MethodStepProps,
  source: DiskSource | undefined,
  make: (path: string) => MethodResult,
): void {
  const check = useMediaCheck(props.hostId, source);
  const { onChange, onProblem } = props;
  useEffect(() => {
    if (check.state === 'ok') {
      onProblem(undefined);
      onChange(make(check.path));
    } else {
      onChange(undefined);
      onProblem(check.state === 'bad' ? check.message : undefined);
    }
    // `make` is rebuilt every render; the check decides.
  }, [check, onChange, onProblem]);
}

function sourceOf(value: MethodResult | undefined): DiskSource | undefined {
  const m = value?.media;
  if (m && (m.kind === 'cdrom' || m.kind === 'import')) return m.source;
  return undefined;
}

export function IsoVolumeStep(props: MethodStepProps) {
  const { t } = useTranslation();
  const initial = sourceOf(props.value);
  const [picked, setPicked] = useState(initial && 'pool' in initial ? initial : undefined);
  useReportChecked(props, picked, (path) => ({
    media: { kind: 'cdrom', source: picked! },
    detectPath: path,
    summary: t('wizard.summaryVolume', { volume: picked!.volume, pool: picked!.pool }),
  }));
  return (
    <VolumePicker
      hostId={props.hostId}
      label={t('wizard.isoVolume')}
      value={picked}
      filter={isoLike}
      onChange={(v) => setPicked(v ? { pool: v.pool, volume: v.volume } : undefined)}
    />
  );
}

function PathField(props: MethodStepProps & { label: string; kind: 'cdrom' | 'import' }) {
  const initial = sourceOf(props.value);
  const [text, setText] = useState(initial && 'path' in initial ? initial.path : '');
  const [typed, setTyped] = useState(text);
  // Ask the host once typing pauses (the check itself waits 250 ms more).
  useEffect(() => {
    const timer = setTimeout(() => setTyped(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const { t } = useTranslation();
  const valid = typed.startsWith('/');
  useReportChecked(props, valid ? { path: typed } : undefined, (path) => ({
    media: { kind: props.kind, source: { path } },
    detectPath: path,
    summary: path,
  }));
  return (
    <TextField
      label={props.label}
      value={text}
      onChange={setText}
      placeholder="/var/lib/libvirt/images/installer.iso"
      error={text.trim() !== '' && !text.trim().startsWith('/') ? t('wizard.pathAbsolute') : undefined}
    />
  );
}

export function IsoPathStep(props: MethodStepProps) {
  const { t } = useTranslation();
  return <PathField {...props} kind="cdrom" label={t('wizard.isoPath')} />;
}

export function ImportStep(props: MethodStepProps) {
  const { t } = useTranslation();
  const initial = sourceOf(props.value);
  const [mode, setMode] = useState<'volume' | 'path'>(initial && 'path' in initial ? 'path' : 'volume');
  const [picked, setPicked] = useState(initial && 'pool' in initial ? initial : undefined);
  return (
    <div className="wizard-import">
      <div role="radiogroup" aria-label={t('wizard.importFrom')} className="wizard-inline-radios">
        <label>
          <input type="radio" checked={mode === 'volume'} onChange={() => setMode('volume')} />
          {t('wizard.importVolume')}
        </label>
        <label>
          <input type="radio" checked={mode === 'path'} onChange={() => setMode('path')} />
          {t('wizard.importPath')}
        </label>
      </div>
      {mode === 'volume' ? (
        <ImportVolume {...props} picked={picked} setPicked={setPicked} />
      ) : (
        <PathField {...props} kind="import" label={t('wizard.diskPath')} />
      )}
    </div>
  );
}

function ImportVolume(
  props: MethodStepProps & {
    picked: { pool: string; volume: string } | undefined;
    setPicked(v: { pool: string; volume: string } | undefined): void;
  },
) {
  const { t } = useTranslation();
  const { picked } = props;
  useReportChecked(props, picked, (path) => ({
    media: { kind: 'import', source: picked! },
    detectPath: path,
    summary: t('wizard.summaryVolume', { volume: picked!.volume, pool: picked!.pool }),
  }));
  return (
    <VolumePicker
      hostId={props.hostId}
      label={t('wizard.existingDisk')}
      value={picked}
      filter={(name, format) => !isoLike(name, format)}
      onChange={(v) => props.setPicked(v ? { pool: v.pool, volume: v.volume } : undefined)}
    />
  );
}
