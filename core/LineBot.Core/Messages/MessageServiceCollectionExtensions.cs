using LineBot.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot;

/// <summary>Text messages and their edits and unsends: the dispatcher and one handler per kind of message.</summary>
internal static class MessageServiceCollectionExtensions
{
    public static IServiceCollection AddMessageHandlers(this IServiceCollection services)
    {
        services.AddSingleton<MessageReplier>();
        services.AddSingleton<AdminNotices>();
        services.AddSingleton<ReporterResolver>();
        services.AddSingleton<AfterReportSaved>();
        services.AddSingleton<ReportTemplates>();
        services.AddSingleton<ReportHelpAsked>();
        services.AddSingleton<ReportReceived>();
        services.AddSingleton<RegistrationReceived>();
        services.AddSingleton<MonthlyPlanReceived>();
        services.AddSingleton<CommandReceived>();
        services.AddSingleton<TextMessageDispatcher>();
        services.AddSingleton<ReportEdited>();
        services.AddSingleton<ReportUnsent>();
        services.AddSingleton<RosterFileReceived>();
        services.AddSingleton<LastReportRecalculation>();
        services.AddSingleton<PostbackReceived>();
        services.AddSingleton<Greetings>();
        services.AddSingleton<StrangerAnswered>();
        services.AddSingleton<LocationAcknowledged>();
        return services;
    }
}
