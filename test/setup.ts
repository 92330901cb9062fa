// Loaded before every test file: decorators' metadata for inversify and TypeORM.
import 'reflect-metadata';
