// Where everything of `npm run cluster` listens, from one base port (4400 unless --port):
// base: the HTTP balancer; +1: the database balancer (any node); +2…+4: each instance's
// database entry; +10…: the nodes' MySQL, Galera, IST, SST and health-agent ports; +60…: the
// instances.
export interface NodePorts {
  mysql: number;
  galera: number;
  ist: number;
  sst: number;
  agent: number;
}

export interface ClusterPorts {
  web: number;
  db: number;
  appDb: number[];
  nodes: NodePorts[];
  apps: number[];
}

export function clusterPorts(base: number): ClusterPorts {
  const three = [1, 2, 3];
  return {
    web: base,
    db: base + 1,
    appDb: three.map((n) => base + 1 + n),
    nodes: three.map((n) => ({
      mysql: base + 10 + n,
      galera: base + 20 + n,
      ist: base + 30 + n,
      sst: base + 40 + n,
      agent: base + 50 + n,
    })),
    apps: three.map((n) => base + 60 + n),
  };
}
