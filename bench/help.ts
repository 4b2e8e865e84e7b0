/** `npm run bench -- --help`: every option of bench/run.ts, with its default. */
export const HELP = `npm run bench [-- options]
  --only <list>        phases to run, comma-separated: ingest,hub,peak,naive,alerts,backfill,screen,memory,grid-scale
                       (default all);
                       screen = screen-load,screen-map,screen-desk,screen-stamina, which may be given singly
  --quick              short smoke run (20k events, 5 s windows, 3-minute stamina)
  --events <n>         grid events for the ingest phase (100000)
  --observations <n>   observations for the ingest phase (20000; 0 skips)
  --batch <n>          events per ingest request (1000)
  --concurrency <n>    ingest connections (4)
  --database-url <url> run the ingest phase on this PostgreSQL instead (a throw-away schema;
                       a comparison only: the target is for the embedded database); the memory
                       phase adds an idle run on it
  --memory-cases <n>   cases of the bulk fixture in the memory phase's loaded run (1000000; 0 skips it)
  --memory-settle <s>  seconds the server settles before its RSS is read over 10 s (30)
  --memory-data <dir>  the memory phase's loaded PGlite folder: loaded once, kept and reused
                       (e.g. the grid-scale phase's --grid-data; default a temp folder, removed)
  --grid-cases <n>     cases of the bulk fixture the grid-scale phase reads (1000000)
  --grid-runs <n>      warm answers timed per read in the grid-scale phase (20)
  --grid-engines <l>   the grid-scale phase's databases: pglite,postgres (both; postgres needs --database-url)
  --grid-data <dir>    the grid-scale phase's PGlite folder: loaded once, kept and reused
  --grid-schema <name> the same for PostgreSQL (--database-url): a schema kept and reused
  --clients <n>        live clients (1000)
  --client-procs <n>   processes the clients are spread over (2)
  --client <mode>      raw (lean hand-spoken Socket.IO) or socketio (stock client) (raw)
  --rate <n>           grid events/s fed for the target-load hub run (400)
  --peak-rate <n>      grid events/s offered to the hub peak run and the naive baseline (1000)
  --desks <n>          open desks (duty sockets on alerts) a CAP alert must reach (50)
  --desk-alerts <n>    CAP alerts posted one by one to those desks (50; 20 when --quick)
  --tick-ms <n>        one feed request every n ms (50)
  --warmup <s>         feed before the window (3)
  --measure <s>        measurement window (15)
  --drain <s>          feed after the window, so late items still count (3)
  --flush-ms <n>       hub batching window (server default: 50)
  --load-runs <n>      cold loads of /screen measured (5)
  --map-cases <n>      cases on the map (10000)
  --map-change <n>     cases changing status per second (1000)
  --map-seconds <n>    measured one-second update windows (30)
  --map-warmup <n>     fed windows before the measured ones (default: one pass over every case,
                       cases ÷ changes per second = 10)
  --map-settle <s>     wait after the cases reached the page, before measuring (30)
  --map-theme <id>     theme whose map shows the cases (grid)
  --map-views <list>   map views measured, one run each (city,street): city = the theme's view
                       of the whole city (cases clustered), street = zoom 14 over the cases
                       (every case its own point, every change recolours one)
  --desk-cases <n>     open cases in the desk's queue (10000)
  --desk-change <n>    desk cases changing status per second, one request each (20)
  --desk-seconds <n>   measured one-second windows of the desk (30)
  --desk-server-nice <n> the desk phase's server at this nice level (0); 19 models a server on
                       another machine, which does not take the browser's cores
  --stamina-minutes <n> measured minutes of the stamina run, after the warm-up (60)
  --stamina-warmup <n> warm-up minutes before the first sample (5; 1 when --quick)
  --stamina-speed <n>  simulator speed during the stamina run (10)
  --stamina-interval <s> carousel interval; 5 themes × 12 s = one tour per sample (12)
  --software-compositing screen phases with Chromium's software compositor (--disable-gpu), which
                       reads every WebGL frame back on the page's main thread; default: the
                       compositor in the GPU process (SwiftShader), as on a wall with a graphics card`;
