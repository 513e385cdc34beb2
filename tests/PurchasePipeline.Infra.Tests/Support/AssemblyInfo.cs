// The CDK runs in one Node process (jsii) that is not safe to drive from several threads at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
