/**
 * Entry point of the cloud contract for the client side: the function map, payload types, the
 * envelope and the reminder templates. Pages import from here (`@cloud-api`); nothing in this file
 * pulls in server code.
 */
export * from './api';
export * from './templates';
