using System.Text.RegularExpressions;

namespace PurchasePipeline.States.Validation;

/// <summary>
/// A Task's Resource: an ARN (a Lambda function, an activity, or an integration such as
/// arn:aws:states:::sns:publish), or text holding a ${Placeholder} that definition substitutions replace
/// (CDK DefinitionSubstitutions in AWS, the local host locally).
/// </summary>
internal static partial class ResourceSyntax
{
    public static bool IsValid(string resource) =>
        Arn().IsMatch(resource) || resource.Contains("${", StringComparison.Ordinal);

    [GeneratedRegex(@"^arn:[a-z0-9-]+:[a-z0-9-]+:[a-z0-9-]*:[0-9]*:\S+$", RegexOptions.CultureInvariant)]
    private static partial Regex Arn();
}
