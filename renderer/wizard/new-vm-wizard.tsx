import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultsFor, freeName, vmNameProblem } from '../../shared/wizard/vm-defaults';
import { withNewVmPrefs } from '../../shared/wizard/vm-prefs';
import { toApiError } from '../api/api-error-from';
import { Dialog } from '../common/dialog';
import { useStoreState, useStores } from '../common/stores-context';
import { installMethods } from './methods/method-registry';
import { FinishStep } from './steps/finish-step';
import { MethodStep } from './steps/method-step';
import { OsStep } from './steps/os-step';
import { ResourcesStep } from './steps/resources-step';
import { StorageStep } from './steps/storage-step';
import { useCapabilities, useOsDetails, useOsList } from './use-wizard-data';
import {
  applyDefaults,
  defaultNetwork,
  initialChoices,
  planFrom,
  type WizardChoices,
} from './wizard-choices';
import { resourceProblems, storageProblems } from './wizard-checks';
import './wizard.css';

type StepId = 'method' | 'os' | 'resources' | 'storage' | 'finish';

/**
 * The New VM wizard: five steps (storage skipped for methods with their own disk), Back / Next /
 * Cancel, Finish as a job (its progress here; Cancel undoes what it made), then the VM's window.
 */
export function NewVmWizard({ hostId, onClose }: { hostId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { wizardCalls, jobs, consoles, wizard } = useStores();
  const [c, setChoices] = useState<WizardChoices>(() => initialChoices(hostId));
  const set = useCallback(
    (patch: Partial<WizardChoices>) =>
      setChoices((old) => {
        const next = { ...old, ...patch };
        // Fields marked as typed stay marked (two quick edits may share one stale render).
        if (patch.touched) next.touched = { ...old.touched, ...patch.touched };
        // New media: detect its OS again.
        if ('method' in patch && patch.method?.detectPath !== old.method?.detectPath && !('osId' in patch))
          next.osId = undefined;
        if ('hostId' in patch && patch.hostId !== old.hostId) return { ...initialChoices(patch.hostId) };
        return next;
      }),
    [],
  );
  const [uuid] = useState(() => crypto.randomUUID());
  const [stepIndex, setStepIndex] = useState(0);
  const [jobId, setJobId] = useState<string | undefined>();
  const [finishError, setFinishError] = useState<string | undefined>();
  const job = useStoreState('jobs', (s) => (jobId ? s.byId[jobId] : undefined));
  const domains = useStoreState('domains', (s) => (c.hostId ? s.byHost[c.hostId] : undefined));
  const taken = useMemo(() => new Set(Object.values(domains ?? {}).map((d) => d.name)), [domains]);

  const capsLoaded = useCapabilities(c.hostId, c.advanced);
  const caps = capsLoaded.state === 'ready' ? capsLoaded.value : undefined;
  // Read as soon as the wizard opens, while the person picks a method.
  const osList = useOsList(c.hostId);
  const details = useOsDetails(c.hostId, c.osId, caps?.arch);
  const os = details.state === 'ready' ? details.value : undefined;
  // issue 15: the New VM defaults of the preferences over the OS's
  const newVmPrefs = useStoreState('prefs', (state) => state.prefs.newVm);
  const defaults = useMemo(
    () => (caps ? withNewVmPrefs(defaultsFor(os, caps), caps, newVmPrefs) : undefined),
    [os, caps, newVmPrefs],
  );
  useEffect(() => {
    if (defaults) setChoices((old) => applyDefaults(old, defaults));
  }, [defaults]);
  const netMap = useStoreState('networks', (s) => (c.hostId ? s.byHost[c.hostId] : undefined));
  useEffect(() => {
    if (caps && !c.network)
      set({
        network: defaultNetwork(
          caps,
          Object.values(netMap ?? {}).map((n) => n.name),
        ),
      });
  }, [caps, c.network, netMap, set]);

  const method = installMethods.find((m) => m.id === c.methodId)!;
  const steps: StepId[] = [
    'method',
    'os',
    'resources',
    ...(method.providesDisk ? [] : ['storage' as const]),
    'finish',
  ];
  const step = steps[Math.min(stepIndex, steps.length - 1)]!;
  const last = step === 'finish';

  // A name from the OS, free on this host, unless the person typed one.
  const shortId = os?.shortId;
  useEffect(() => {
    if (step === 'finish' && !c.touched.name) set({ name: freeName(shortId ?? 'vm', taken) });
  }, [step, shortId, taken, c.touched.name, set]);

  const nameProblem = vmNameProblem(c.name, taken);
  const plan = defaults ? planFrom(c, defaults, uuid, method.providesDisk ?? false) : undefined;
  const pools = useStoreState('pools', (s) => (c.hostId ? s.byHost[c.hostId] : undefined));
  const free = Object.values(pools ?? {}).find((p) => p.name === c.storagePool)?.available;

  const stepOk = (): boolean => {
    if (!c.hostId || !caps) return false;
    switch (step) {
      case 'method':
        return c.method !== undefined && !c.methodProblem;
      case 'os':
        // Memory, CPUs and disk size are pre-filled from the OS: wait for its data.
        return details.state !== 'loading' || !c.osId;
      case 'resources': {
        const p = resourceProblems(c, caps, t);
        return !p.memory && !p.vcpus;
      }
      case 'storage': {
        const p = storageProblems(c, free, t);
        return !p.size && !p.path && !p.volume && (c.storageKind !== 'new' || !!c.storagePool);
      }
      case 'finish':
        return (
          !nameProblem &&
          plan !== undefined &&
          !(c.network && 'source' in c.network && !c.network.source.trim())
        );
    }
  };

  const running = job?.state === 'running';
  useEffect(() => {
    if (!job || !c.hostId) return;
    if (job.state === 'done') {
      // Customize before install: the VM window opens on Details, with Begin / Cancel installation.
      if (c.customize) wizard.getState().awaitInstall({ hostId: c.hostId, uuid, name: c.name });
      consoles.getState().show(c.hostId, uuid, c.customize ? 'details' : 'console');
      onClose();
    } else if (job.state === 'failed' || job.state === 'cancelled') {
      setFinishError(job.message);
      setJobId(undefined);
    }
  }, [job, c.hostId, c.customize, c.name, uuid, consoles, wizard, onClose]);

  const finish = async () => {
    if (!plan || !c.hostId) return;
    setFinishError(undefined);
    try {
      const started = await wizardCalls.create(c.hostId, plan);
      setJobId(started.jobId);
    } catch (error) {
      setFinishError(toApiError(error).message);
    }
  };
  const cancel = () => {
    if (jobId && running) void jobs.getState().cancel(jobId);
    else onClose();
  };

  const stepProps = caps ? { c, set, caps } : undefined;
  return (
    <Dialog title={t('wizard.title')} onCancel={cancel} className="wizard-dialog">
      <ol className="wizard-steps" aria-label={t('wizard.stepsLabel')}>
        {steps.map((s) => (
          <li key={s} aria-current={s === step ? 'step' : undefined}>
            {t(`wizard.step.${s}`)}
          </li>
        ))}
      </ol>
      <h3 className="wizard-step-title">
        {t('wizard.stepOf', {
          n: steps.indexOf(step) + 1,
          total: steps.length,
          name: t(`wizard.step.${step}`),
        })}
      </h3>
      {step === 'method' && <MethodStep c={c} set={set} caps={capsLoaded} />}
      {step === 'os' && <OsStep c={c} set={set} osList={osList} />}
      {step === 'resources' && stepProps && <ResourcesStep {...stepProps} />}
      {step === 'storage' && stepProps && <StorageStep {...stepProps} />}
      {step === 'finish' && stepProps && (
        <FinishStep {...stepProps} plan={plan} nameProblem={c.name ? nameProblem : undefined} />
      )}
      {job && (
        <div className="wizard-progress">
          <progress aria-label={t('wizard.creating')} max={job.total ?? 1} value={job.done} />
          <span role="status">{job.phase}</span>
        </div>
      )}
      {finishError && (
        <p role="alert" className="form-error">
          {finishError}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={cancel}>
          {running ? t('wizard.cancelCreate') : t('wizard.cancel')}
        </button>
        <button
          type="button"
          disabled={stepIndex === 0 || running}
          onClick={() => setStepIndex(steps.indexOf(step) - 1)}
        >
          {t('wizard.back')}
        </button>
        {last ? (
          <button
            type="button"
            className="primary"
            disabled={!stepOk() || running}
            onClick={() => void finish()}
          >
            {c.customize || c.method?.media.kind === 'none' ? t('wizard.define') : t('wizard.finish')}
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={!stepOk()}
            onClick={() => {
              // What was shown and accepted is kept: data arriving later does not change it.
              if (step === 'resources') set({ touched: { memory: true, vcpus: true } });
              if (step === 'storage') set({ touched: { size: true } });
              setStepIndex(steps.indexOf(step) + 1);
            }}
          >
            {t('wizard.next')}
          </button>
        )}
      </div>
    </Dialog>
  );
}
