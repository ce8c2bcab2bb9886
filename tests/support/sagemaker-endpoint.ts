// A SageMaker API endpoint on localhost for the end-to-end server, which cannot use
// aws-sdk-client-mock (the app runs in another process). It speaks the SageMaker service's
// wire protocol as the SDK sends it: AWS JSON 1.1, POST / with X-Amz-Target
// "SageMaker.<Operation>", timestamps as epoch seconds, errors as { __type, message }. It
// answers DescribeModelPackage, ListModelPackages and UpdateModelPackage from packages added
// to it and records every call; it does not check SigV4 signatures (the SDK still signs).
import { createServer, type IncomingMessage } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

export interface FakeModelPackage {
  ModelPackageArn: string;
  ModelPackageGroupName: string;
  ModelPackageVersion: number;
  ModelApprovalStatus: string;
  ModelPackageDescription?: string;
  CustomerMetadataProperties?: Record<string, string>;
  ModelCard?: { ModelCardContent: string; ModelCardStatus: string };
  ApprovalDescription?: string;
}

export interface SageMakerEndpoint {
  url: string;
  calls: { operation: string; input: Record<string, unknown> }[];
  add(pkg: FakeModelPackage): void;
  find(arn: string): FakeModelPackage | undefined;
  close(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
}

/**
 * For the end-to-end server (whose test cannot reach into this process): a package nobody
 * added is described as a new PendingManualApproval version of its group, owned by the demo
 * model owner, with a model card holding two evaluation metrics.
 */
export function packageFromArn(arn: string): FakeModelPackage | null {
  const match = /^arn:aws:sagemaker:[a-z0-9-]+:\d{12}:model-package\/([A-Za-z0-9-]+)\/(\d+)$/.exec(arn);
  if (!match?.[1] || !match[2]) return null;
  const card = { model_overview: { model_description: `${match[1]} registered in SageMaker.` }, intended_uses: { intended_uses: 'Card-not-present fraud scoring.' }, evaluation_details: [{ name: 'holdout', metric_groups: [{ name: 'quality', metric_data: [{ name: 'auc', type: 'number', value: 0.91 }, { name: 'recall', type: 'number', value: 0.74 }] }] }] };
  return {
    ModelPackageArn: arn,
    ModelPackageGroupName: match[1],
    ModelPackageVersion: Number(match[2]),
    ModelApprovalStatus: 'PendingManualApproval',
    ModelPackageDescription: `Version ${match[2]} of ${match[1]}`,
    CustomerMetadataProperties: { model_key: match[1], owner: 'owner@example.com', owner_team: 'Payments ML', risk_tier: '2' },
    ModelCard: { ModelCardContent: JSON.stringify(card), ModelCardStatus: 'Draft' },
  };
}

export async function startSageMakerEndpoint(options: { describeAny?: boolean } = {}): Promise<SageMakerEndpoint> {
  const packages = new Map<string, FakeModelPackage & { CreationTime: number }>();
  const calls: SageMakerEndpoint['calls'] = [];
  const server = createServer((request, response) => {
    void (async () => {
      const operation = String(request.headers['x-amz-target'] ?? '').replace(/^SageMaker\./, '');
      const input = await bodyOf(request);
      calls.push({ operation, input });
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': crypto.randomUUID() });
        response.end(JSON.stringify(body));
      };
      if (operation === 'DescribeModelPackage') {
        const arn = String(input.ModelPackageName);
        const made = options.describeAny && !packages.has(arn) ? packageFromArn(arn) : null;
        if (made) packages.set(arn, { ...made, CreationTime: Date.now() / 1000 });
        const found = packages.get(arn);
        if (!found) return send(400, { __type: 'com.amazonaws.sagemaker#ResourceNotFound', message: 'Model package not found' });
        return send(200, { ...found, ModelPackageName: found.ModelPackageGroupName, ModelPackageStatus: 'Completed', ModelPackageStatusDetails: { ValidationStatuses: [] } });
      }
      if (operation === 'ListModelPackages') {
        const group = input.ModelPackageGroupName;
        const list = [...packages.values()].filter((p) => group === undefined || p.ModelPackageGroupName === group).sort((a, b) => b.CreationTime - a.CreationTime);
        const max = typeof input.MaxResults === 'number' ? input.MaxResults : 100;
        return send(200, { ModelPackageSummaryList: list.slice(0, max).map(({ ModelPackageArn, ModelPackageGroupName, ModelPackageVersion, ModelApprovalStatus, CreationTime }) => ({ ModelPackageArn, ModelPackageGroupName, ModelPackageVersion, ModelApprovalStatus, CreationTime, ModelPackageStatus: 'Completed' })) });
      }
      if (operation === 'UpdateModelPackage') {
        const found = packages.get(String(input.ModelPackageArn));
        if (!found) return send(400, { __type: 'com.amazonaws.sagemaker#ResourceNotFound', message: 'Model package not found' });
        Object.assign(found, { ModelApprovalStatus: input.ModelApprovalStatus, ApprovalDescription: input.ApprovalDescription, CustomerMetadataProperties: { ...found.CustomerMetadataProperties, ...(input.CustomerMetadataProperties as Record<string, string> | undefined) } });
        return send(200, { ModelPackageArn: found.ModelPackageArn });
      }
      return send(400, { __type: 'com.amazonaws.sagemaker#ValidationException', message: `Operation ${operation} is not served by the test endpoint` });
    })();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    add: (pkg) => packages.set(pkg.ModelPackageArn, { ...pkg, CreationTime: Date.now() / 1000 }),
    find: (arn) => packages.get(arn),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
