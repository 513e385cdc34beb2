using PurchasePipeline.Core.Errors;

namespace PurchasePipeline.Core.Tasks;

/// <summary>Checks of a task's required fields; the field is named by its JSON path in the state's Parameters.</summary>
internal static class TaskInput
{
    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw InvalidTaskInputException.Missing(field) : value;

    public static int Required(int? value, string field) =>
        value ?? throw InvalidTaskInputException.Missing(field);
}
