export * from './contract';
export * from './errors';
export * from './hosts';
export * from './domains';
export * from './prompts';
export * from './prefs';
export * from './bridge';
export * from './call-names';
