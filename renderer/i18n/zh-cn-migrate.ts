/** “迁移”对话框（issue 14）的简体中文文本（展开到 `zhCN` 中）。 */
export const zhCnMigrate = {
  migrate: {
    title: '迁移 {{name}}',
    destination: '目标宿主机',
    noDestination: '请先连接另一台宿主机：虚拟机只能在此处已连接的宿主机之间迁移。',
    mode: '迁移期间',
    live: '保持运行（热迁移）',
    paused: '复制内存期间暂停虚拟机',
    offline: '虚拟机已关机：只迁移其定义（离线迁移）。',
    persistent: '在目标宿主机上保留定义',
    undefineSource: '从 {{host}} 删除定义',
    copyStorage: '磁盘',
    copyNone: '共享存储：不复制',
    copyAll: '复制全部磁盘内容',
    copyInc: '只复制差异部分（目标宿主机上已有副本）',
    bandwidth: '带宽限制（MiB/s）',
    bandwidthHint: '留空：不限制。',
    bandwidthInvalid: '请输入不小于 1 的整数 MiB/s。',
    tunnelled: '通过 libvirt 连接以隧道方式传输数据',
    tunnelledHint:
      '较慢：内存和磁盘数据在 libvirt 的连接内传输，而不是走 QEMU 自己的连接。经由本机中转时，源宿主机上不会打开任何端口。',
    advanced: '高级',
    route: '到目标宿主机的路径',
    routeAuto: '自动：源宿主机能直接连接时直连，否则经由本机中转',
    routeDirect: '直连：源宿主机自行通过 SSH 连接',
    routeRelay: '经由本机中转',
    pathAuto:
      'VirtDesk 先检查 {{host}} 能否自行通过 SSH 连接 {{uri}}（点对点迁移，使用其用户的密钥）；若不能，则经由本机到两台宿主机的 SSH 连接中转 libvirt 的连接。结果会说明实际使用的路径。',
    pathDirect:
      '源宿主机上的 libvirt 会自行通过 SSH 连接 {{uri}}（点对点迁移）：其用户需要一个目标宿主机接受的密钥。',
    pathRelay: '经由本机到两台宿主机的 SSH 连接中转 libvirt 的连接：源宿主机无需任何密钥。',
    relayNative:
      'QEMU 自己的数据也经由本机中转，通过源宿主机回环地址（127.0.0.1）上的一个端口：迁移期间，源宿主机上的其他用户可以连接该端口；VirtDesk 只中转该虚拟机自己的连接，拒绝其余连接。若不想打开任何端口，请在“高级”中选择以隧道方式传输数据。',
    relayTunnelled: '数据在该连接内以隧道方式传输（较慢；源宿主机上不打开任何端口）。',
    submit: '迁移',
    done: '{{message}}',
    failed: '迁移 {{name}} 失败：{{message}}',
  },
};
