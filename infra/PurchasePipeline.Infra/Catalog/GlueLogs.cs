using Amazon.CDK.AWS.IAM;

namespace PurchasePipeline.Infra.Catalog;

/// <summary>
/// What a crawler's or job's role needs for its CloudWatch logs: the AWSGlueServiceRole policy's
/// logs:CreateLogGroup, CreateLogStream and PutLogEvents, on /aws-glue/ log groups only (and their streams).
/// </summary>
internal static class GlueLogs
{
    public static void Grant(IRole role, GlueEncryption encryption) =>
        role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "WriteGlueLogs",
            Actions = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
            // log-group:/aws-glue/* also covers …:log-group:NAME:log-stream:STREAM: a * ending an ARN spans colons.
            Resources = [encryption.LogGroupsArn],
        }));
}
