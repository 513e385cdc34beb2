using PurchasePipeline.Aws;
using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.Functions;

/// <summary>The AWS plane's ports for the Lambda functions: the AWS adapters and the rules shipped with the package.</summary>
public static class AwsTaskPorts
{
    private static readonly Lazy<TaskPorts> SharedPorts = new(
        () => Create(Environment.GetEnvironmentVariable, TimeProvider.System, credentials: null), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The ports of this process, created on first use and kept: Lambda runs a function's constructor once
    /// per execution environment, so the clients (and their connection pools) are reused across invocations.
    /// </summary>
    public static TaskPorts Shared => SharedPorts.Value;

    /// <summary>New ports from these variables; <paramref name="credentials"/> null takes the default chain.</summary>
    /// <exception cref="Core.Errors.MissingSettingException">AWS_REGION is not set.</exception>
    public static TaskPorts Create(Func<string, string?> environment, TimeProvider time, Amazon.Runtime.AWSCredentials? credentials) =>
        AwsPorts.Create(environment, time, credentials, new ValidationRuleFiles());
}
