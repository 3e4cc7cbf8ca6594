using AepFlow.Validation;

namespace AepFlow.Requests;

// The few rules hand-written request bodies share; generated models carry their own validators.
internal static class Checks
{
    public static void Required(ref ValidationCollector collector, string member, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            collector.Add(member, "required", $"'{member}' is required and must not be empty.");
        }
    }

    public static void Ref(ref ValidationCollector collector, string member, ResourceRefModel? value)
    {
        if (value is null)
        {
            collector.Add(member, "required", $"'{member}' is required: give the id and version of the spec.");
            return;
        }

        collector.Enter(member);
        Required(ref collector, "id", value.Id);
        Required(ref collector, "version", value.Version);
        collector.Exit();
    }

    public static void Nested(ref ValidationCollector collector, string member, IAepModel? model)
    {
        if (model is not null)
        {
            collector.Enter(member);
            model.ValidateInto(ref collector);
            collector.Exit();
        }
    }
}
