export * from './identity';
export * from './audit';
export * from './reference';
export * from './companies';
export * from './engagement';
export * from './business-service';
export * from './recruitment';
export * from './schools';
