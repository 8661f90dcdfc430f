import path from 'node:path';

/** Honours JAVA_HOME like Maven does, so both use the same JDK. */
export function javaCommand(): string {
  const javaHome = process.env.JAVA_HOME;
  const executable = process.platform === 'win32' ? 'java.exe' : 'java';
  return javaHome !== undefined && javaHome !== '' ? path.join(javaHome, 'bin', executable) : executable;
}

/** Properties files treat backslashes as escapes, so Windows paths are written with slashes. */
export function propertiesPath(filePath: string): string {
  return filePath.replace(/\\/g, '/');
}
