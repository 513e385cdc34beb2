using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;

namespace PurchasePipeline.Infra.Security;

/// <summary>
/// The Lambda-backed custom resources the CDK itself adds to the stack (singletons at the stack's root): the
/// runtime of AwsCustomResource's provider, and cdk-nag suppressions for what stays Amazon.CDK.Lib's.
/// </summary>
public static class CdkProviders
{
    /// <summary>
    /// The runtime AwsCustomResource's provider is created on. Amazon.CDK.Lib 2.160.0 takes it from a per-region
    /// map (region-info's LATEST_NODE_RUNTIME fact: nodejs20.x, nodejs18.x in some regions), and Lambda no longer
    /// creates functions on either; 2.267.0 and later pick nodejs24.x but need Constructs 10.5, which NuGet does
    /// not serve here, so the app stays on 2.160.0 and its provider is pinned. Its handler
    /// (custom-resource-handlers/dist/custom-resources/aws-custom-resource-handler in aws-cdk-lib 2.160.0) is an
    /// async (event, context) function on the runtime's own AWS SDK v3 (InstallLatestAwsSdk is off), which
    /// nodejs22.x provides; LambdaRuntimeTests checks the date Lambda stops creating it.
    /// </summary>
    public const string AwsCustomResourceRuntime = "nodejs22.x";

    /// <summary>S3's notification configuration (EventBridge on), set by the CDK's BucketNotificationsHandler.</summary>
    private const string BucketNotifications = "BucketNotificationsHandler050a0587b7544547bf325f094a3db834";

    /// <summary>AwsCustomResource's provider (copies the SQL files, see Catalog/GlueSqlFiles.cs).</summary>
    private const string AwsCustomResource = "AWS679f53fac002430cb0da5b7982bd2287";

    /// <summary>The CfnMapping of region-info's LATEST_NODE_RUNTIME fact that Amazon.CDK.Lib 2.160.0 adds for it.</summary>
    private const string LatestNodeRuntimeMap = "LatestNodeRuntimeMap";

    private const string Runtime = "The runtime is chosen by Amazon.CDK.Lib 2.160.0 for its own deploy-time provider; it runs only during deployments.";

    private const string PinnedRuntime = "Pinned to " + AwsCustomResourceRuntime + " because Lambda no longer creates functions on Amazon.CDK.Lib 2.160.0's own choice (see CdkProviders.AwsCustomResourceRuntime); it runs only during deployments.";

    private const string BasicExecution = "AWSLambdaBasicExecutionRole (CloudWatch Logs only) on a CDK deploy-time provider function.";

    /// <summary>
    /// Puts AwsCustomResource's provider on <see cref="AwsCustomResourceRuntime"/>, in every region, and drops the
    /// per-region map it was read from, which nothing else uses (LambdaRuntimeTests would find a Fn::FindInMap
    /// left without its map).
    /// </summary>
    public static void PinRuntime(Stack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        if (stack.Node.TryFindChild(AwsCustomResource)?.Node.DefaultChild is CfnFunction provider)
        {
            provider.Runtime = AwsCustomResourceRuntime;
            stack.Node.TryRemoveChild(LatestNodeRuntimeMap);
        }
    }

    public static void Suppress(Stack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        foreach (var child in stack.Node.Children)
        {
            if (child.Node.Id == BucketNotifications)
            {
                Nag.Suppress(child.Node.FindChild("Role"),
                    ("AwsSolutions-IAM4", BasicExecution),
                    ("AwsSolutions-IAM5", "s3:PutBucketNotification on '*' is how the CDK's BucketNotificationsHandler is granted; it only turns on EventBridge delivery of the lake bucket."));
                Nag.Suppress(child.Node.FindChild("Resource"), ("AwsSolutions-L1", Runtime));
            }
            else if (child.Node.Id == AwsCustomResource)
            {
                Nag.Suppress(child.Node.FindChild("ServiceRole"), ("AwsSolutions-IAM4", BasicExecution));
                Nag.Suppress(child, ("AwsSolutions-L1", PinnedRuntime));
            }
        }
    }
}
