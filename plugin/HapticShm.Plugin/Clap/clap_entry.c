/* The CLAP entry point: a host dlsym()s the DATA symbol `clap_entry`, which .NET cannot export.
   These few lines define it; its three functions are [UnmanagedCallersOnly] exports of the
   NativeAOT library (Clap/ClapEntryExports.cs). Compiled and linked by build/ClapEntry.targets. */
#include <stdbool.h>
#include <stdint.h>

typedef struct hapticshm_clap_version {
    uint32_t major, minor, revision;
} hapticshm_clap_version;

typedef struct hapticshm_clap_plugin_entry {
    hapticshm_clap_version clap_version;
    bool (*init)(const char *plugin_path);
    void (*deinit)(void);
    const void *(*get_factory)(const char *factory_id);
} hapticshm_clap_plugin_entry;

extern bool hapticshm_clap_init(const char *plugin_path);
extern void hapticshm_clap_deinit(void);
extern const void *hapticshm_clap_get_factory(const char *factory_id);

/* CLAP 1.2.2 (keep in step with ClapVersion in Clap/Interop/ClapVersion.cs). */
__attribute__((visibility("default")))
const hapticshm_clap_plugin_entry clap_entry = {
    { 1, 2, 2 },
    hapticshm_clap_init,
    hapticshm_clap_deinit,
    hapticshm_clap_get_factory,
};
