/** `npm run bench`: every benchmark, printing figures side by side with their baselines. */
import { runListBench } from './list-bench';

const xmlBench = await import('./xml-bench').catch(() => undefined);
if (xmlBench && 'runXmlBench' in xmlBench) await (xmlBench.runXmlBench as () => Promise<void>)();
await runListBench();
process.exit(0);
