/* Chinese words in the search box (issue 14): a wrapper round Material's search worker.
 *
 * Material's plugin cuts each page into words with jieba (taught the data's names by the build,
 * generator/site/search_words.py) and indexes those words. Its worker cuts a query differently: it looks
 * only for words shorter than the query, and lets any one word match, so 中试 became 中 and 技术合同 became
 * 技术. This wrapper, which the page starts instead (overrides/main.html), cuts each run of Chinese in the
 * query into the index's own words, longest first (the words jieba made, so the same way as the pages),
 * requires every one of them, and keeps a result only where the page's text holds the query's Chinese as
 * typed. Everything else (the index, ranking, highlighting, the result list) is Material's.
 *
 * The page names Material's worker after "#" in this script's address. Works as a Web Worker and inside
 * the iframe-worker shim of the offline preview (file://), where the scripts share the iframe's window.
 */
(function () {
  "use strict"

  var SETUP = 0, QUERY = 2, RESULT = 3
  var HAN = /\p{sc=Han}+/gu
  var HAS_HAN = /\p{sc=Han}/u

  var own = typeof document !== "undefined" && document.currentScript
    ? document.currentScript.src
    : self.location.href
  var material = decodeURIComponent(own.split("#")[1] || "").split("?")[0]
  material = new URL(material, own.split("#")[0]).href   /* the shim resolves against the page, not us */

  var inner = null          /* Material's message listener */
  var waiting = []          /* messages that came before it */
  var queries = []          /* queries sent to Material, in order, awaiting their results */
  var words = null          /* the index's words (lunr's inverted index) */
  var wordList = null
  var docs = new Map()      /* location -> the index's entry */
  var texts = new Map()     /* location -> its title and text without markup, made when first asked */

  var listen = self.addEventListener.bind(self)
  var post = self.postMessage.bind(self)

  /* Material registers its listener and posts its results through these two */
  self.addEventListener = function (type, fn, options) {
    if (type !== "message" || inner)
      return listen(type, fn, options)
    inner = fn
    waiting.splice(0).forEach(deliver)
  }
  self.postMessage = function (message) {
    if (message && message.type === RESULT && queries.length)
      message = { type: RESULT, data: refine(message.data, queries.shift()) }
    post(message)
  }
  listen("message", function (ev) {
    if (inner)
      deliver(ev.data)
    else
      waiting.push(ev.data)
  })

  function plain(html) {
    return String(html || "").replace(/<[^>]*>/g, "").replace(/\u200b/g, "").toLowerCase()
  }

  function deliver(message) {
    if (message.type === SETUP) {
      docs = new Map()
      texts = new Map()
      for (var doc of message.data.docs)
        docs.set(doc.location, doc)
      watchBuild()
    } else if (message.type === QUERY) {
      queries.push(message.data)
      message = { type: QUERY, data: rewrite(message.data) }
    }
    inner({ data: message })
  }

  /* Keep the index's words when Material builds it, and hide them from Material's own query cutting
     (it asks `word in index`; lunr itself reads the index by key, which still works) */
  function watchBuild() {
    var Builder = self.lunr.Builder
    if (Builder.prototype.__searchZh)
      return
    var build = Builder.prototype.build
    Builder.prototype.build = function () {
      var index = build.apply(this, arguments)
      words = index.invertedIndex
      wordList = null
      index.invertedIndex = new Proxy(words, { has: function () { return false } })
      return index
    }
    Builder.prototype.__searchZh = true
  }

  function isWord(part) {
    return Object.prototype.hasOwnProperty.call(words, part)
  }

  function held(part) {
    if (!wordList)
      wordList = Object.keys(words).filter(function (w) { return HAS_HAN.test(w) })
    for (var w of wordList)
      if (w.indexOf(part) >= 0)
        return true
    return false
  }

  /* A run of Chinese -> the index's words it is made of, longest first; where no word starts, the
     longest part that some word holds (at least one character) */
  function cut(run) {
    var parts = [], i = 0
    while (i < run.length) {
      var j = run.length
      while (j > i && !isWord(run.slice(i, j)))
        j--
      if (j === i) {
        j = run.length
        while (j > i + 1 && !held(run.slice(i, j)))
          j--
      }
      parts.push(run.slice(i, j))
      i = j
    }
    return parts
  }

  /* Every part required, matched inside the index's words (a name is one word: 中试 is inside 中试基地) */
  function rewrite(query) {
    if (!words)
      return query
    return query.replace(HAN, function (run) {
      return " " + cut(run.toLowerCase()).map(function (part) { return "+*" + part + "*" }).join(" ") + " "
    })
  }

  /* Keep what holds the query's Chinese as typed; name the runs as the reader's terms */
  function refine(result, query) {
    var runs = (String(query).toLowerCase().match(HAN) || [])
    if (!runs.length)
      return result
    var holds = function (item) {
      var text = texts.get(item.location)
      if (text === undefined) {
        var doc = docs.get(item.location)
        text = doc ? plain(doc.title) + "\n" + plain(doc.text) : ""
        texts.set(item.location, text)
      }
      return runs.every(function (run) { return text.indexOf(run) >= 0 })
    }
    var groups = []
    for (var group of result.items) {
      var kept = group.filter(holds)
      if (!kept.length)
        continue
      var article = group.find(function (item) { return item.location.indexOf("#") < 0 })
      if (article && kept.indexOf(article) < 0)
        kept.push(Object.assign({}, article, { score: 0, text: "", terms: {} }))
      kept.forEach(function (item) {
        if (item.score > 0) {
          var terms = {}
          runs.forEach(function (run) { terms[run] = true })
          Object.keys(item.terms || {}).forEach(function (term) {
            if (!HAS_HAN.test(term))
              terms[term] = item.terms[term]
          })
          item.terms = terms
          item.title = unmark(item.title, runs)
          item.text = prose(unmark(item.text, runs))
        }
      })
      groups.push(kept)
    }
    groups.sort(function (a, b) { return b[0].score - a[0].score })
    return Object.assign({}, result, { items: groups })
  }

  /* Highlight only the words that are part of what was typed (or hold it): a word that merely shares a
     part with it (技术交易 for 技术合同) is not marked */
  function unmark(html, runs) {
    return String(html || "").replace(/<mark>([\s\S]*?)<\/mark>/g, function (whole, word) {
      var text = plain(word)
      var part = !HAS_HAN.test(text) || runs.some(function (run) {
        return run.indexOf(text) >= 0 || text.indexOf(run) >= 0
      })
      return part ? whole : word
    })
  }

  /* A teaser with no match in it opens with the page's paragraphs and lists, not a table's cells */
  function prose(text) {
    if (text && text.indexOf("<mark>") >= 0)
      return around(text)
    if (!text)
      return text
    var blocks = text.match(/<(p|ul|ol)>[\s\S]*?<\/\1>/g)
    return blocks ? blocks.join(" ") : text
  }

  /* Long runs of text (a table's cells): the words around the first match, or the first words */
  function around(text) {
    return text.split(/(<(?!\/?mark>)[^>]*>)/).map(function (part, i) {
      if (i % 2 || plain(part).length <= 160)
        return part
      var start = part.indexOf("<mark>")
      if (start < 0)
        return part.slice(0, 100) + " …"
      var end = part.indexOf("</mark>", start) + 7
      var tail = part.slice(end).replace(/<\/?mark>/g, "").slice(0, 100)
      return (start > 50 ? "… " : "") + part.slice(Math.max(0, start - 50), end) + tail + " …"
    }).join("")
  }

  importScripts(material)
})()
