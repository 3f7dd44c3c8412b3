// Network install (tree URL + kernel arguments, or kernel/initrd paths on the host), PXE, manual.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../common/text-field';
import { useStores } from '../../common/stores-context';
import { toApiError } from '../../api/api-error-from';
import type { MethodStepProps } from './method-types';
import { useMediaCheck } from './use-media-check';

function useSettled(text: string, ms = 400): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return settled;
}

function isUrl(text: string): boolean {
  try {
    return ['http:', 'https:', 'ftp:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

export function UrlStep(props: MethodStepProps) {
  const { t } = useTranslation();
  const { wizardCalls } = useStores();
  const media = props.value?.media.kind === 'url' ? props.value.media : undefined;
  const [url, setUrl] = useState(media?.url ?? '');
  const [args, setArgs] = useState(media?.cmdline ?? '');
  /** The URL the host last said answers. */
  const [answered, setAnswered] = useState(media?.url);
  const settled = useSettled(url.trim());
  const { onChange, onProblem, hostId } = props;
  useEffect(() => {
    if (!settled) return onProblem(undefined);
    if (!isUrl(settled)) return onProblem(t('wizard.urlInvalid'));
    let live = true;
    onProblem(undefined);
    wizardCalls.checkUrl(hostId, settled).then(
      (r) => {
        if (!live) return;
        onProblem(r.ok ? undefined : r.message);
        if (r.ok) setAnswered(settled);
      },
      (e: unknown) => live && onProblem(toApiError(e).message),
    );
    return () => {
      live = false;
    };
  }, [wizardCalls, hostId, settled, onProblem, t]);
  useEffect(() => {
    if (answered === undefined || answered !== url.trim()) return onChange(undefined);
    const cmdline = args.trim();
    onChange({ media: { kind: 'url', url: answered, ...(cmdline ? { cmdline } : {}) }, summary: answered });
  }, [answered, url, args, onChange]);
  return (
    <>
      <TextField
        label={t('wizard.treeUrl')}
        value={url}
        onChange={setUrl}
        placeholder="https://deb.debian.org/debian/dists/bookworm/"
      />
      <TextField label={t('wizard.kernelArgs')} value={args} onChange={setArgs} />
    </>
  );
}

export function KernelStep(props: MethodStepProps) {
  const { t } = useTranslation();
  const media = props.value?.media.kind === 'kernel' ? props.value.media : undefined;
  const [kernel, setKernel] = useState(media?.kernel ?? '');
  const [initrd, setInitrd] = useState(media?.initrd ?? '');
  const [args, setArgs] = useState(media?.cmdline ?? '');
  const k = useSettled(kernel.trim());
  const i = useSettled(initrd.trim());
  const kernelCheck = useMediaCheck(props.hostId, k.startsWith('/') ? { path: k } : undefined);
  const initrdCheck = useMediaCheck(props.hostId, i.startsWith('/') ? { path: i } : undefined);
  const { onChange, onProblem } = props;
  useEffect(() => {
    const bad = [kernelCheck, initrdCheck].find((c) => c.state === 'bad');
    onProblem(bad?.state === 'bad' ? bad.message : undefined);
    const initrdOk = i === '' || initrdCheck.state === 'ok';
    if (kernelCheck.state !== 'ok' || !initrdOk) return onChange(undefined);
    const cmdline = args.trim();
    onChange({
      media: { kind: 'kernel', kernel: k, ...(i ? { initrd: i } : {}), ...(cmdline ? { cmdline } : {}) },
      summary: k,
    });
  }, [kernelCheck, initrdCheck, k, i, args, onChange, onProblem]);
  const absolute = (v: string) =>
    v.trim() !== '' && !v.trim().startsWith('/') ? t('wizard.pathAbsolute') : undefined;
  return (
    <>
      <TextField
        label={t('wizard.kernelPath')}
        value={kernel}
        onChange={setKernel}
        error={absolute(kernel)}
      />
      <TextField
        label={t('wizard.initrdPath')}
        value={initrd}
        onChange={setInitrd}
        error={absolute(initrd)}
      />
      <TextField label={t('wizard.kernelArgs')} value={args} onChange={setArgs} />
    </>
  );
}

/** Methods with nothing to ask report their result at once. */
function useFixedResult(props: MethodStepProps, kind: 'pxe' | 'none', summary: string): void {
  const { onChange, onProblem } = props;
  useEffect(() => {
    onProblem(undefined);
    onChange({ media: { kind }, summary });
  }, [onChange, onProblem, kind, summary]);
}

export function PxeStep(props: MethodStepProps) {
  const { t } = useTranslation();
  useFixedResult(props, 'pxe', t('wizard.method.pxe'));
  return <p className="field-hint">{t('wizard.pxeHint')}</p>;
}

export function ManualStep(props: MethodStepProps) {
  const { t } = useTranslation();
  useFixedResult(props, 'none', t('wizard.method.manual'));
  return <p className="field-hint">{t('wizard.manualHint')}</p>;
}
