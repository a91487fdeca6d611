export { createLogger, logLevel, type Logger, type LoggerOptions } from './logger';
export { processLogger, startProcessTelemetry, type ProcessTelemetry } from './process-telemetry';
export { metricsRoute } from './metrics-route';
export { requestMetrics, type RequestMetrics } from './request-metrics';
export { serviceName } from './service-name';
export { startTracing, type Tracing, type TracingOptions } from './tracing';
