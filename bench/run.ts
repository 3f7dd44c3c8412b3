/** `npm run bench`: every benchmark, printing figures side by side with their baselines. */
import { runListBench } from './list-bench';
import { runXmlBench } from './xml-bench';

await runXmlBench();
await runListBench();
process.exit(0);
