using Amazon.CDK;

namespace PurchasePipeline.Infra.Security;

/// <summary>
/// cdk-nag suppressions for the Lambda-backed custom resources the CDK itself adds to the stack (singletons
/// at the stack's root): their runtimes and policies are Amazon.CDK.Lib's, not ours to change.
/// </summary>
public static class CdkProviders
{
    /// <summary>S3's notification configuration (EventBridge on), set by the CDK's BucketNotificationsHandler.</summary>
    private const string BucketNotifications = "BucketNotificationsHandler050a0587b7544547bf325f094a3db834";

    /// <summary>AwsCustomResource's provider (copies the SQL files, see Catalog/GlueSqlFiles.cs).</summary>
    private const string AwsCustomResource = "AWS679f53fac002430cb0da5b7982bd2287";

    private const string Runtime = "The runtime is chosen by Amazon.CDK.Lib 2.160.0 for its own deploy-time provider; it runs only during deployments.";

    private const string BasicExecution = "AWSLambdaBasicExecutionRole (CloudWatch Logs only) on a CDK deploy-time provider function.";

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
                Nag.Suppress(child, ("AwsSolutions-L1", Runtime));
            }
        }
    }
}
