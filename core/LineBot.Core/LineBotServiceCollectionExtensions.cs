using LineBot.Calendar;
using LineBot.Configuration;
using LineBot.Events;
using LineBot.Groups;
using LineBot.Line;
using LineBot.Photos;
using LineBot.Reporters;
using LineBot.Reports;
using LineBot.Storage;
using LineBot.Webhook;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LineBot;

/// <summary>The one registration entry for the bot's core, used by the Functions app, <c>linebot</c> and tests.</summary>
internal static class LineBotServiceCollectionExtensions
{
    public static IServiceCollection AddLineBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);

        services.AddOptions<LineOptions>().BindConfiguration(LineOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LineOptions>, LineOptionsValidator>();
        services.AddSingleton<IValidateOptions<LineOptions>, LineSecretValidator>();
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidator>();
        services.AddSingleton<IValidateOptions<BotOptions>, BotTimeZoneValidator>();
        services.AddSingleton<IValidateOptions<BotOptions>, Line.BotParticleValidator>();
        services.AddSingleton<IValidateOptions<BotOptions>, Reports.Parsing.GazetteerPathValidator>();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>();

        services.AddSingleton(_ => StorageClients.FromConfiguration(configuration));
        services.AddSingleton<StorageNames>();
        services.AddSingleton<BotClock>();
        services.AddSingleton(sp => new LinkClock(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RetentionPruner>();

        // Webhook edge and event pipeline.
        services.AddSingleton<SignatureValidator>();
        services.AddSingleton<WebhookIngress>();
        services.AddSingleton<EventQueue>();
        services.AddSingleton<EventCoalescer>();
        services.AddSingleton<KeyedGate>();
        services.AddSingleton<EventDeduplicator>();
        services.AddSingleton<EventWorker>();
        services.AddSingleton<IEventDispatcher, EventDispatcher>();
        services.AddSingleton<PoisonStore>();
        services.AddSingleton<KeptEventStore>();
        services.AddSingleton<KeptEventReplay>();
        services.AddHostedService<AllowListWarning>();

        // Features.
        services.AddSingleton<GroupStore>();
        services.AddSingleton<ReportStore>();
        services.AddSingleton<ReporterCache>();
        services.AddSingleton<ReporterStore>();
        services.AddSingleton<RosterImport>();
        services.AddSingleton<GroupEventHandler>();
        // Who is expected to report: go-live, member joins and leaves, enrolment by admins.
        services.AddSingleton<GoLive>();
        services.AddSingleton<MemberChanges>();
        services.AddSingleton<Commands.EnrolCommands>();
        services.AddMessageHandlers();
        services.AddSingleton(sp => Reports.Parsing.ReportParser.Create(sp.GetRequiredService<IOptions<BotOptions>>().Value));
        services.AddSingleton<MediaMessageHandler>();
        services.AddSingleton<LocationMessageHandler>();
        services.AddDigests();
        // Exports: the workbooks are pure static classes; the store and the photo links need services.
        services.AddSingleton<Exports.ExportStore>();
        services.AddSingleton<Exports.ExportPhotos>();
        services.AddPhotos();
        services.AddLineClient();
        services.AddCommands();
        // Rich menus of one-to-one chats: linked by role here; created by linebot richmenu sync (which draws the images).
        services.AddSingleton<RichMenus.RichMenuLinker>();
        services.AddTransient<RichMenus.RichMenuSync>();
        services.AddJobs();

        return services;
    }

    /// <summary>The in-process queue worker for hosts without a Functions queue trigger (<c>linebot serve</c>).</summary>
    public static IServiceCollection AddLineBotQueuePump(this IServiceCollection services) =>
        services.AddHostedService<QueuePump>();
}
