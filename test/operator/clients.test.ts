/** The one SDK client factory of the operator commands: one client per service, made on first use, explicit credentials win. */
import { awsClients } from '../../scripts/operator/clients';

test('each service client is made once, on first use, in the region and at the endpoint given', async () => {
  const c = awsClients('eu-west-1', { env: { AWS_ACCESS_KEY_ID: 'env-key', AWS_SECRET_ACCESS_KEY: 'env-secret' }, endpoint: 'http://127.0.0.1:1' });
  try {
    expect(c.ec2).toBe(c.ec2);
    expect(await c.ec2.config.region()).toBe('eu-west-1');
    expect(c.endpoint).toBe('http://127.0.0.1:1');
    expect(c.emulator).toBe(true);
    expect((await c.sts.config.credentials()).accessKeyId).toBe('env-key');
    expect(await c.s3.config.forcePathStyle).toBe(true);
  } finally {
    c.destroy();
  }
});

test("explicit credentials (another account's, from an assumed role) win over the environment's", async () => {
  const credentials = { accessKeyId: 'role-key', secretAccessKey: 'role-secret', sessionToken: 'token' };
  const c = awsClients('us-east-1', { env: { AWS_ACCESS_KEY_ID: 'env-key', AWS_SECRET_ACCESS_KEY: 'env-secret' }, credentials });
  try {
    expect(await c.iam.config.credentials()).toMatchObject(credentials);
    expect(await c.s3.config.credentials()).toMatchObject(credentials);
    expect(c.emulator).toBe(false);
  } finally {
    c.destroy();
  }
});
