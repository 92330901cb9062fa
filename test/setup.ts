// Loaded before every test file: decorators' metadata for TypeORM.
import 'reflect-metadata';
