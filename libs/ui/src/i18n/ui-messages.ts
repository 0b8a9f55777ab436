/** The kit's own strings (namespace `ui`); apps bring theirs in the default namespace. */
export const uiMessagesZh = {
  language: {
    label: '语言',
  },
  pagination: {
    label: '分页',
    previous: '上一页',
    next: '下一页',
    page: '第 {{page}} 页',
    current: '第 {{page}} 页，当前页',
    summary: '第 {{page}} / {{pageCount}} 页',
  },
  price: {
    from: '起',
    per: '/{{unit}}',
  },
  status: {
    loading: '正在加载…',
    retry: '重试',
  },
  skipLink: '跳到正文',
};

export type UiMessages = typeof uiMessagesZh;

export const uiMessagesEn: UiMessages = {
  language: {
    label: 'Language',
  },
  pagination: {
    label: 'Pagination',
    previous: 'Previous',
    next: 'Next',
    page: 'Page {{page}}',
    current: 'Page {{page}}, current page',
    summary: 'Page {{page}} of {{pageCount}}',
  },
  price: {
    from: 'from',
    per: ' / {{unit}}',
  },
  status: {
    loading: 'Loading…',
    retry: 'Try again',
  },
  skipLink: 'Skip to content',
};

declare module 'i18next' {
  // Types `t()` keys in the `ui` namespace wherever the kit is compiled.
  interface ResourceNamespaceMap {
    ui: UiMessages;
  }
}
